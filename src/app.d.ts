import type { Actor } from '#lib/server/policy/policy.ts';

declare global {
	namespace App {
		interface Locals {
			actor: Actor | null;
			requestId: string;
			sessionId: string | null;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
