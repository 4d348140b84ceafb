"""Time: working days of a Bundesland plus closing days, deadline arithmetic, the holiday cache."""
