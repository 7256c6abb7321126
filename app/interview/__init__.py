"""The interview: framework data, state and a pure engine. No I/O in this package."""
