import { chromium } from 'playwright-core';
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  const p = await b.newPage();
  p.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
  p.on('pageerror', (e) => console.log('pageerror', e.message.slice(0, 300), e.stack?.split('\n').slice(1,4).join(' | ')));
  p.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
  await p.goto('http://127.0.0.1:3111/');
  await p.waitForTimeout(4000);
  console.log('comboboxes by role', await p.getByRole('combobox').count());
  await b.close();
})();
