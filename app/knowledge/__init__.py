"""Framework guidance: markdown in `knowledge/`, chunked, embedded and kept in Chroma."""
