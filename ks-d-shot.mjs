import { chromium } from 'playwright-core';
const [email, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
await page.goto('http://localhost:3140/inloggen');
await page.fill('input[name=email]', email);
await page.fill('input[name=password]', 'Demo-wachtwoord-2026');
await page.locator('main button[type=submit]').first().click();
await page.waitForLoadState('networkidle');
for (const p of paths) {
  const res = await page.goto('http://localhost:3140' + p);
  const name = p.replace(/[^a-z0-9]+/gi, '_').slice(0, 60);
  console.log(p, res.status(), page.url());
  await page.screenshot({ path: `/tmp/ks-d/${name}.png`, fullPage: true });
  const links = await page.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')));
  console.log(links.filter((h) => h && h.startsWith('/dashboard')).join(' '));
}
await browser.close();
