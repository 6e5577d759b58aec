"""Worksheet pages and downloads, generated from worksheets/*.yml."""
