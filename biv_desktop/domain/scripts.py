"""Writing systems by their ISO 15924 code, as the register's languages name them (``Language.script``)."""

# The scripts that are written from right to left: the register's Arabic-script languages (Arabic, Dari,
# Pashto, Persian, Sorani) and the others a family might read.
RIGHT_TO_LEFT_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr"})


def reads_right_to_left(script: str) -> bool:
    """Whether text in the script (e.g. 'Arab') is written and read from the right."""
    return script.strip().capitalize() in RIGHT_TO_LEFT_SCRIPTS
