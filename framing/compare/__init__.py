"""framing.compare"""
