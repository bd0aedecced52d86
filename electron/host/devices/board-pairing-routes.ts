/**
 * Board pages on the hall network pair here (a page on the hall PC itself needs nothing):
 * `POST /api/board/pairings { screenId }` → a code to show big and a secret pairing id;
 * `GET /api/board/pairings/:pairingId` → pending, or approved with the device token (once).
 * Asking is limited per address (devices/pairing-requests.ts): 429 with a retry time.
 */
import type { FastifyInstance } from 'fastify';
import type { BoardPairingStatus } from '../../../shared/contract';
import { PUBLIC_ROUTES } from '../../../shared/api/hall-routes';
import { HttpError } from '../server/http-error';
import type { RouteModule } from '../server/http-server';
import { apiRoute } from '../server/api-route';
import type { BoardDevices } from './board-devices';
import { PairingError, type PairingRequests } from './pairing-requests';

const PAIRING_BODY_LIMIT = 1024;

export function boardPairingRoutes(deps: {
  devices: BoardDevices;
  pairings: PairingRequests;
  screenExists: (id: string) => boolean;
}): RouteModule {
  return (app: FastifyInstance) => {
    apiRoute(app, PUBLIC_ROUTES.boardPairings, { bodyLimit: PAIRING_BODY_LIMIT }, async (request, reply) => {
      const { screenId } = request.body;
      if (!deps.screenExists(screenId))
        throw new HttpError(
          404,
          'unknown_screen',
          `board pairing: screen "${screenId}" is not configured; add it in 屏幕管理 first`,
        );
      try {
        const p = deps.devices.requestPairing(request.ip, screenId);
        return reply.status(201).send({ pairingId: p.pairingId, code: p.code, expiresAt: p.expiresAt, screenId });
      } catch (error) {
        if (error instanceof PairingError)
          throw new HttpError(429, error.code, error.message, { retryAfterMs: error.retryAfterMs });
        throw error;
      }
    });

    apiRoute(app, PUBLIC_ROUTES.boardPairing, {}, async (request): Promise<BoardPairingStatus> => {
      const p = deps.pairings.collect(request.params.pairingId);
      if (!p || p.kind !== 'board')
        throw new HttpError(
          404,
          'pairing_expired',
          'this pairing request is unknown or has expired; ask for a new code',
        );
      if (p.approved)
        return { status: 'approved', deviceId: p.approved.deviceId, screenId: p.screenId!, token: p.approved.token };
      return { status: 'pending', code: p.code, expiresAt: p.expiresAt, screenId: p.screenId! };
    });
  };
}
