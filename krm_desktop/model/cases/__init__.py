"""Cases: intake, registration, workflow actions, closing, DAB, Meinungskarten, attachments, letters kept."""
