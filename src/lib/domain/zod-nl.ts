import { z } from 'zod';
import { nl } from 'zod/v4/locales';

// Dutch is the language of every validation message users see (form fields, API problems).
z.config(nl());

export { z };
