"""Allow ``python -m flinklint``."""

from flinklint.cli import main_entry

if __name__ == "__main__":
    main_entry()
