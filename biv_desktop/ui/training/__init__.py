"""The Utbildning page: group-leader training courses, trainees and the municipality's places."""
