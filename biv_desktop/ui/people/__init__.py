"""The group leaders and interpreters pages, their editors, and finding an interpreter for a group."""
