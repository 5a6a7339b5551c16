"""The Deltagare page: the participant register, families, the waiting list, and placing people in groups.

Other screens use ``EnrolDialog`` (place a participant in a given group) and ``LeaveGroupDialog``.
"""
