/**
 * The store read once and left exactly as it was, for a command that only looks (`aifirst
 * ask` under LEARN=auto): no migration, no secret installed, no purge, no listener.
 */
import type { Logger } from "../log.ts";
import { type Connection, connect } from "./connect.ts";
import { readError } from "./connection-errors.ts";
import { readAlternates } from "./learning.ts";
import type { Alternate } from "./types.ts";

export async function readAlternatesOnce(
  options: { dataDir: string; databaseUrl?: string | undefined; learnMinUsers: number },
  logger: Logger,
): Promise<Alternate[]> {
  let connection: Connection;
  try {
    connection = await connect(options, logger, { readOnly: true });
  } catch (error) {
    throw readError(error);
  }
  try {
    return await readAlternates(connection.db, options.learnMinUsers);
  } catch (error) {
    throw readError(error);
  } finally {
    await connection.db.destroy();
  }
}
