"""(being written)"""


class DocumentNames:
    def __init__(self, texts, tokens):
        pass


def candidates(text, bounds, places, doc):
    return []
