import { z } from 'zod';

/** One option of an enumeration property. */
export const PropertyOption = z.object({ label: z.string(), value: z.string() });

/** The subset of HubSpot's Property model that scoring reads (type, fieldType, label, options). */
export const PropertyDefinition = z.object({
  name: z.string(),
  label: z.string(),
  type: z
    .string()
    .describe('HubSpot property type: string, number, date, datetime, enumeration, bool, …'),
  fieldType: z
    .string()
    .describe('HubSpot field type: text, number, select, checkbox, booleancheckbox, …'),
  options: z.array(PropertyOption).optional(),
});
export type PropertyDefinition = z.output<typeof PropertyDefinition>;

/** Property definitions of one object type, by internal name. */
export const PropertyDefinitions = z.record(z.string(), PropertyDefinition);
export type PropertyDefinitions = z.output<typeof PropertyDefinitions>;

/** A HubSpot property bag: every value is a string or null (SCORING §3). */
export const PropertyBag = z.record(z.string(), z.string().nullable().optional());
export type PropertyBag = z.output<typeof PropertyBag>;

/** Everything scoring knows about one record; `nowMs` is an input, never read from a clock. */
export const RecordFacts = z.object({
  id: z.string(),
  properties: PropertyBag,
  definitions: PropertyDefinitions,
  nowMs: z.number().describe('"now" as epoch milliseconds'),
});
export type RecordFacts = z.output<typeof RecordFacts>;

/** A line item of a deal: `price`, `quantity` and `amount` are read (SCORING §7). */
export const LineItemFacts = z.object({ id: z.string(), properties: PropertyBag });
export type LineItemFacts = z.output<typeof LineItemFacts>;
