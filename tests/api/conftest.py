from round_plan import opened, people, rp  # noqa: F401  (fixtures shared with tests/rounds)
