"""Allow ``python -m narrator``."""

from narrator.cli import main

if __name__ == "__main__":
    main()
