"""The person view (search across cases, correction) and the Auskunft dialog."""
