"""The ``coach`` command line (``main.py``): a thin layer over ``coach.Coach``; ``eval`` loads the harness only when run."""
