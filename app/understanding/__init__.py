"""Understanding turns a requester's free text into slot values (see `base.Understanding`)."""
