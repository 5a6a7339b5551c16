"""Swedish wording shared by the services' sentences."""


def how_many(count: int, one: str, many: str) -> str:
    """The count with its noun in the right number: "1 rad", "3 rader", "1 ny deltagare", "0 lokaler"."""
    return f"{count} {one if count == 1 else many}"
