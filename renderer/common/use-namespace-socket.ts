/**
 * A socket.io connection to one namespace of the hall host (same origin), typed from the
 * shared contract. Reconnects forever: a wall must come back by itself after a host restart.
 */
import { useEffect, useState } from 'react';
import { io, type Socket, type SocketReservedEvents } from 'socket.io-client';

// An event map: every event of T a listener. Written over T's own keys so the contract's
// interfaces (which have no index signature) fit; socket.io-client's constraint accepts any map.
export type EventsMap<T> = { [K in keyof T]: (...args: never[]) => unknown };

const SERVER_CLOSE_RETRY_MS = 10_000;

type ListenerOf<Events> = { [Ev in keyof Events]: readonly [Ev, Events[Ev]] }[keyof Events];
/** One listener of a socket's events (socket.io's connect, connect_error, disconnect or its own): `[event, listener]`. */
export type SocketListener<Listen> = ListenerOf<SocketReservedEvents> | ListenerOf<Listen>;

/** Adds the listeners in their order; the function it returns (an effect's cleanup) takes them all off again. */
export function listenAll<Listen extends EventsMap<Listen>, Emit extends EventsMap<Emit>>(
  socket: Socket<Listen, Emit>,
  listeners: readonly SocketListener<Listen>[],
): () => void {
  // socket.io types on/off per event name; SocketListener already ties each name to its listener.
  const emitter = socket as unknown as Record<'on' | 'off', (event: string, listener: unknown) => void>;
  for (const [event, listener] of listeners) emitter.on(String(event), listener);
  return () => {
    for (const [event, listener] of listeners) emitter.off(String(event), listener);
  };
}

export interface NamespaceLink<Listen extends EventsMap<Listen>, Emit extends EventsMap<Emit>> {
  socket: Socket<Listen, Emit> | null;
  connected: boolean;
  /** Local ms when the link was last lost (or when we started trying); null while connected. */
  lostAt: number | null;
}

export function useNamespaceSocket<Listen extends EventsMap<Listen>, Emit extends EventsMap<Emit>>(
  namespace: string,
  auth: Record<string, string | boolean> | null,
): NamespaceLink<Listen, Emit> {
  const authKey = auth ? JSON.stringify(auth) : null;
  const [link, setLink] = useState<NamespaceLink<Listen, Emit>>({ socket: null, connected: false, lostAt: Date.now() });

  useEffect(() => {
    if (authKey === null) return undefined;
    const socket: Socket<Listen, Emit> = io(namespace, {
      auth: JSON.parse(authKey) as Record<string, string | boolean>,
      // WebSocket first: urgent postings must paint within a second; polling stays as a fallback.
      transports: ['websocket', 'polling'],
      // LAN or loopback: an attempt that has not connected in 5 s is stuck, not slow.
      timeout: 5000,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
      randomizationFactor: 0.5,
    });
    setLink({ socket, connected: socket.connected, lostAt: Date.now() });
    const onConnect = () => setLink({ socket, connected: true, lostAt: null });
    const onDisconnect = () => setLink((prev) => ({ socket, connected: false, lostAt: prev.lostAt ?? Date.now() }));
    // socket.io does not reconnect after the server closed the socket on purpose (e.g. a
    // screen removed and re-added); a wall must still come back by itself.
    let retry: ReturnType<typeof setTimeout> | undefined;
    const onServerClose = (reason: string) => {
      if (reason === 'io server disconnect') retry = setTimeout(() => socket.connect(), SERVER_CLOSE_RETRY_MS);
    };
    const unlisten = listenAll(socket, [
      ['disconnect', onServerClose],
      ['connect', onConnect],
      ['disconnect', onDisconnect],
      ['connect_error', onDisconnect],
    ]);
    return () => {
      unlisten();
      clearTimeout(retry);
      socket.close();
    };
  }, [namespace, authKey]);

  return link;
}
