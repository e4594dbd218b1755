"""The figures: the five criteria of each report, then pilot, province, nation and
round, and the 1-5 score. Pure: values in, values out.
"""
