"""Shipped lexicons (YAML data files). Read through framing.resources, never imported."""
