"""The half-yearly follow-up: its periods, the records it is computed from, its figures and their meanings."""
