"""Worksheets (worksheets/*.yml): the model and its field kinds, loading with every check, the form page."""
