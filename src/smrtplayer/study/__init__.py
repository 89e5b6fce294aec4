"""Study progress: per lesson, course and region, study time and the streak."""
