"""REST API (/api/) with OpenAPI at /api/openapi.json; rules from luoshi.rounds.permissions."""
