"""The report and its checks: the paper form, reading a report (load -> Thai answers
-> schema -> convert), the consistency rules, and the findings they give.
"""
