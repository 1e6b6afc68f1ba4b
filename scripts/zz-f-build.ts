import { ensureBuild } from './lib/app-build.ts';
await ensureBuild();
