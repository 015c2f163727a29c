import '../database/plugins.js';
import mongoose, { Schema } from 'mongoose';

/** A data migration that has run to its end (database/runMigrations.ts); `_id` is its name. */
export interface MigrationRecord {
  _id: string;
  finishedAt: Date;
}

const migrationSchema = new Schema<MigrationRecord>(
  {
    _id: { type: String, required: true },
    finishedAt: { type: Date, required: true },
  },
  { collection: 'migrations', versionKey: false },
);

export const Migration = mongoose.model<MigrationRecord>('Migration', migrationSchema);
