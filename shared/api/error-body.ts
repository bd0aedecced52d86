/** The one error body every route of the hall host and the reference hub answers a failure with. */
import { z } from 'zod';

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
