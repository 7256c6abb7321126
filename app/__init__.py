"""Groundwork: a needs-analysis assistant for Learning & Development."""
