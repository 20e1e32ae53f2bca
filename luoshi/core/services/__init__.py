"""Services: the operations pages, the API and the command line call (one transaction each)."""
