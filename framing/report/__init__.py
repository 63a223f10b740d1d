"""framing.report"""
