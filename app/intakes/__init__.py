"""Intake records: what L&D triages and ticketing systems file and read."""
