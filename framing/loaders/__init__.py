"""framing.loaders"""
