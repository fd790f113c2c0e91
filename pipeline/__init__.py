"""plankg's reading stages: load → clean → outline → sentences (and the CLI that runs everything)."""
