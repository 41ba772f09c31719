/** The OpenAPI document, generated from the same zod schemas the routes validate with. */
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export function createRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An operator key, or a merchant API key (shown once when the merchant is created).',
  });
  registry.register('Error', ErrorResponse);
  return registry;
}

export function buildDocument(registry: OpenAPIRegistry) {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'bizmsg API',
      version: '1',
      description:
        'Business messaging for merchants: contracts, sender numbers, KakaoTalk AlimTalk/FriendTalk and SMS/LMS, ' +
        'payment notices and monthly invoices. Errors always have the shape `{"error": {"code", "message", "details"}}`.',
    },
    servers: [{ url: '/' }],
  });
}
