"""framing.detect"""
