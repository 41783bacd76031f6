/** The team server's URL would send credentials and cases in the clear, or cannot be read. */
export class TeamServerAddressError extends Error {
  override name = 'TeamServerAddressError';
}

/** The team schema was written by a newer app; nothing is changed, as with a newer local store. */
export class NewerTeamSchemaError extends Error {
  override name = 'NewerTeamSchemaError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The team server's schema is version ${found}; this app knows up to ${known}. ` +
        'Update the app on this desktop; the server was left untouched.',
    );
  }
}

/** The server has no team schema yet, or an older one (`refund-console server init` brings it up). */
export class TeamSchemaMissingError extends Error {
  override name = 'TeamSchemaMissingError';
  constructor(readonly found: number) {
    super(
      found === 0
        ? 'The team server has no Refund Console schema yet: run `refund-console server init --url …` once.'
        : `The team server's schema is version ${found}, older than this app's: run \`refund-console server init --url …\`.`,
    );
  }
}

/** A member's name or password that the server should not be given. */
export class TeamMemberError extends Error {
  override name = 'TeamMemberError';
}

/** A team setting (an approval threshold) the server should not be given. */
export class TeamSettingError extends Error {
  override name = 'TeamSettingError';
}

/** The server refused one event for what it says (a forged or unapproved change): it is parked. */
export class EventRefusedError extends Error {
  override name = 'EventRefusedError';
  constructor(
    readonly eventId: string,
    readonly reason: string,
  ) {
    super(`The team server refused event ${eventId}: ${reason}`);
  }
}
