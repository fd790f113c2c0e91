"""(being written)"""


def extract(ctx) -> None:
    return None
