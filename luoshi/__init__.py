"""luoshi (落实): track a government's work-report key tasks from the annual list to done."""

__version__ = "0.1.0"
