/** The one error body every route of the hall host and the reference hub answers a failure with. */
import { z } from 'zod';

/** What a screen's sentence for the code fills in: text, a number, or a list it joins in its language. */
export const ErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()).max(50)]));
export type ErrorParams = z.infer<typeof ErrorParamsSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), params: ErrorParamsSchema.optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
