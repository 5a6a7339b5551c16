"""The groups page and its table model and filter."""
