// Recall for English and Swedish: everyday helpdesk wording a native speaker uses, beyond the corpus.
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeDraft, analyzeMessage, loadAllLanguagePacks } from '../../../lib/empathy';

beforeAll(async () => {
  await loadAllLanguagePacks();
});

describe('customer emotion', () => {
  test.each([
    ['en', "I've tried three times but the checkout says my card is invalid. What am I doing wrong?", 'confused'],
    ['en', "What is this £4.99 charge on my statement? I don't get it.", 'confused'],
    ['en', 'I can’t find where to change my address, there is no option for it in the app.', 'confused'],
    ['sv', 'Jag fattar inte hur det här funkar. Vad betyder "reserverat" på kontot?', 'confused'],
    ['sv', 'Varför har jag debiterats två gånger? Jag hittar ingen förklaring i appen.', 'confused'],
    ['sv', 'Vilken blankett gäller? Jag har fått två brev med olika besked.', 'confused'],
    ['en', 'Someone has logged into my account and I did not make these payments. Is my money safe?', 'worried'],
    ['en', "We got a letter saying our gas will be cut off. We've never missed a payment.", 'worried'],
    ['sv', 'Någon har använt mitt kort och jag har inte godkänt köpen. Vad ska jag göra?', 'worried'],
    ['sv', 'Vi har fått brev om att elen kan stängas av, men vi har aldrig missat en betalning.', 'worried'],
    ['en', 'I took the day off work for the delivery and nobody turned up. Such a shame.', 'disappointed'],
    ['sv', 'Jag tog ledigt från jobbet för leveransen och ingen dök upp. Så tråkigt.', 'disappointed'],
    [
      'en',
      'Three hours on the train with no information. Nobody tells us anything. We want answers now.',
      'frustrated',
    ],
    ['sv', 'Tre timmar på tåget utan information. Ingen säger något och vi vill ha besked nu.', 'frustrated'],
    ['en', 'It works now, thanks so much for the quick reply!', 'positive'],
    ['sv', 'Nu funkar det igen, tusen tack för snabb hjälp!', 'positive'],
    ['sv', 'Vill bara säga att Lisa i kundtjänst var otroligt hjälpsam.', 'positive'],
    ['en', 'I got a text saying my account is blocked, is it genuine?', 'worried'],
    ['en', "I can't get to my money and the rent is due tomorrow. What do I do?", 'worried'],
    ['sv', 'Jag kommer inte åt mina pengar och hyran ska betalas imorgon. Vad gör jag?', 'worried'],
    ['sv', 'Tyvärr var rummet inte alls som på bilderna. Vi hade sett fram emot resan länge.', 'disappointed'],
    [
      'en',
      'Sadly the room was nothing like the pictures. We had been looking forward to this trip for months.',
      'disappointed',
    ],
    ['en', 'Can I move my broadband to my new flat next month?', 'neutral'],
    ['sv', 'Kan jag flytta mitt bredband till min nya lägenhet nästa månad?', 'neutral'],
  ] as const)('%s: %s -> %s', (lang, text, emotion) => {
    expect(analyzeMessage(text, { lang }).emotion).toBe(emotion);
  });

  test.each([
    ['en', 'Brilliant, the parcel is lost again and nobody answers the phone.', true],
    ['sv', 'Toppen, paketet har försvunnit igen och ingen svarar.', true],
    ['en', 'Brilliant, that fixed it. Thank you!', false],
  ] as const)('praise opening a complaint is sarcasm: %s', (lang, text, sarcastic) => {
    const cues = analyzeMessage(text, { lang }).cues.map((c) => c.kind);
    expect(cues.includes('sarcasm')).toBe(sarcastic);
  });
});

describe('Swedish as customers type it', () => {
  test.each([
    // Without å/ä/ö.
    ['jag ar sa radd att nagon har tagit mina pengar, vad ska jag gora', 'worried'],
    ['forstar inte riktigt vad den har avgiften galler', 'confused'],
    ['detta ar helt oacceptabelt, har ringt tva ganger redan', 'frustrated'],
    ['Fick paketet idag och ar jattenojd, tack sa mycket!', 'positive'],
    // Negated judgements and everyday understatement.
    ['Inte särskilt nöjd med ert nya abonnemang faktiskt.', 'disappointed'],
    ['Rummet var inget vidare och inte vad vi hade räknat med.', 'disappointed'],
    // Sarcasm: praise that opens a complaint, or "great that nobody...".
    ['Åh vad kul, ännu en leverans som blivit försenad.', 'frustrated'],
    ['Verkligen toppen att ingen på kontoret svarar i telefon.', 'frustrated'],
  ] as const)('%s -> %s', (text, emotion) => {
    expect(analyzeMessage(text, { lang: 'sv' }).emotion).toBe(emotion);
  });

  test.each([
    ['har ringt tva ganger redan och inget hander', 'repeat-contact', true],
    ['Fjärde veckan nu utan besked.', 'repeat-contact', true],
    ['Min mamma som är 89 väntar på sin rullator.', 'vulnerability', true],
    ['Planet går om 40 minuter och kön står still.', 'urgency', true],
    ['Vi ska åka om tolv dagar, hinner passet komma?', 'urgency', true],
    // A wish not to is the fear itself, not a negated feeling.
    ['Jag vill verkligen inte hamna hos inkasso.', 'negation', false],
    ['Jag är inte nöjd med svaret.', 'negation', true],
  ] as const)('%s: %s %s', (text, cue, present) => {
    const cues = analyzeMessage(text, { lang: 'sv' }).cues.map((c) => c.kind);
    expect(cues.includes(cue)).toBe(present);
  });
});

describe('restatement (active listening)', () => {
  test.each([
    // The clause after the comma is the agent's action; the first clause still mirrors the customer.
    [
      'en',
      'My parcel says delivered but it is nowhere to be found.',
      "Your parcel shows as delivered but you haven't got it, so I've opened an investigation.",
      true,
    ],
    // A Swedish compound in the customer's message, its tail in the draft.
    [
      'sv',
      'Jackan var en födelsedagspresent och den kom trasig. Verkligen synd.',
      'Vad tråkigt, när det skulle vara en present och den kom trasig.',
      true,
    ],
    // Number words and a mirrored repeat contact.
    [
      'sv',
      'Tåget stod still i två timmar och ingen sa något.',
      'Förlåt, två timmar utan information är inte okej.',
      true,
    ],
    // A plain answer that reuses the customer's words is not a restatement.
    [
      'en',
      'I returned my order three weeks ago and still no refund.',
      'Your return was received. Refunds take up to 14 days.',
      false,
    ],
    ['sv', 'Var skriver jag in IBAN och BIC i appen?', 'IBAN skriver du i första rutan och BIC i den andra.', false],
    [
      'sv',
      'Mitt bredband har slutat fungera varje kväll i en vecka.',
      'Så ditt bredband slutar fungera varje kväll, och det har pågått i en vecka.',
      true,
    ],
    [
      'en',
      'The engineer never turned up and I took a day off.',
      'I can see the engineer didn’t arrive after you took the day off for it.',
      true,
    ],
    [
      'sv',
      'Var är min återbetalning? Jag skickade tillbaka skorna för två veckor sedan.',
      'Återbetalningar görs inom 14 dagar efter att vi tagit emot returen.',
      false,
    ],
    // Inflections and synonyms: "leaks" ~ "leaking", "counter" is not needed when "machine" and "water" match.
    [
      'en',
      'My washing machine leaks water every time I use it.',
      "If I've understood correctly, the machine is leaking water whenever you use it.",
      true,
    ],
    ['en', 'My package never arrived.', 'You mentioned the parcel never arrived.', true],
    // Counts written as digits or words: "6" ~ "six".
    [
      'en',
      'The app split me and my 6-year-old across different rows.',
      "I completely understand, your six-year-old can't sit away from you on a split booking.",
      true,
    ],
    // A paraphrase marker with nothing of the customer's issue is not a restatement.
    ['en', 'My broadband keeps dropping out every evening.', "To confirm, I've booked an engineer for Friday.", false],
    ['en', 'I want to cancel my contract.', 'To cancel your contract, I just need to confirm a few details.', false],
    // "so" inside a sentence explains; only a sentence that opens with it sums up.
    [
      'en',
      'Why does my mortgage payment keep going up?',
      'Your mortgage is on a tracker rate, so your payment goes up when interest rates rise.',
      false,
    ],
    [
      'en',
      'Your engineer dug up my front garden and left it full of rubble.',
      'So the engineer left your front garden dug up and full of rubble.',
      true,
    ],
    // A negated action is the customer's problem ("should never have been sent"), not the agent's solution.
    [
      'en',
      'You sent me a final demand for a bill I paid in January!',
      "I'm really sorry, you paid in January and the final demand should never have been sent.",
      true,
    ],
    // A statement about the customer that tells of the problem and closely mirrors it, without a marker.
    [
      'en',
      'I applied for a blue badge for my mum in March and have heard nothing.',
      "Your mum applied for a blue badge in March and you still haven't heard anything.",
      true,
    ],
    // ... but an answer that reuses the customer's words is not.
    [
      'en',
      'I want to increase my credit card limit. How do I do it?',
      'You can increase your credit card limit in the app under Cards.',
      false,
    ],
    // Swedish inflections: "kortet" ~ "kort", "spärrades" ~ "spärrat".
    [
      'sv',
      'Mitt kort har spärrats två gånger i veckan.',
      'Du skriver att kortet spärrades två gånger förra veckan.',
      true,
    ],
    [
      'sv',
      'Jag vill lämna tillbaka en klänning. Den är för liten.',
      'Du har 30 dagars ångerrätt på klänningen.',
      false,
    ],
    // "You're wondering whether...", "Du undrar om...": the customer's question, summed up.
    [
      'en',
      'Is the restaurant really full on Saturday? The website says no availability.',
      "You're wondering whether the restaurant is really full on Saturday.",
      true,
    ],
    [
      'sv',
      'Är restaurangen verkligen fullbokad på lördag? Hemsidan säger att det är fullt.',
      'Du undrar om restaurangen verkligen är fullbokad på lördag.',
      true,
    ],
    [
      'sv',
      'Er grävare lämnade min trädgård full med lera och stenar.',
      'Så trädgården lämnades uppgrävd och full med lera och sten.',
      true,
    ],
  ] as const)('%s: %s', (lang, customerText, draft, restate) => {
    const kinds = analyzeDraft(draft, { lang, customerText }).behaviors.map((b) => b.kind);
    expect(kinds.includes('restate')).toBe(restate);
  });
});

describe('questions asked as requests are explore', () => {
  test.each([
    ['en', "Let me know what time you'd prefer and I'll check with the restaurant."],
    ['en', "Tell me which booking reference it's on."],
    ['sv', 'Berätta vilken tid ni helst vill komma.'],
    ['sv', 'Säg gärna vilket konto du betalade från.'],
  ] as const)('%s: %s', (lang, text) => {
    expect(analyzeDraft(text, { lang }).behaviors.map((b) => b.kind)).toContain('explore');
  });

  test.each([
    ['en', 'Let me know if you have any other questions.'],
    ['sv', 'Säg till om du undrar något mer.'],
  ] as const)('%s: %s is not explore', (lang, text) => {
    expect(analyzeDraft(text, { lang }).behaviors.map((b) => b.kind)).not.toContain('explore');
  });
});

describe('everyday next steps are solutions', () => {
  test.each([
    ['en', "I've approved the transfer, so it will reach their account within two hours."],
    ['en', 'Her application was approved last week and the badge is in the post today.'],
    ['en', 'A member of our team will reply within 3 working days.'],
    ['en', 'Please bring the case and receipt back to any of our shops.'],
    ['en', 'To cancel your contract, I just need to confirm a few details.'],
    ['sv', 'Jag har avslutat avtalet från och med 30 juni.'],
    ['sv', 'Betala den senaste fakturan, de andra två är makulerade.'],
    ['sv', 'Skriv ut returetiketten och lämna paketet hos valfritt ombud.'],
    ['sv', 'Pengarna bör vara på hennes konto senast i morgon.'],
  ] as const)('%s: %s', (lang, text) => {
    expect(analyzeDraft(text, { lang }).behaviors.map((b) => b.kind)).toContain('solution');
  });

  test.each([
    ['sv', 'Provisioneringen kan ta upp till 24 h enligt vår SLA.'],
    ['sv', 'Prishöjningen följer villkoren du har godkänt.'],
    ['en', 'Check your statement again.'],
  ] as const)('%s: %s is not a solution', (lang, text) => {
    expect(analyzeDraft(text, { lang }).behaviors.map((b) => b.kind)).not.toContain('solution');
  });
});

describe('gratitude that mentions the customer’s situation', () => {
  test.each([
    [
      'en',
      'Just wanted to say thank you to the team who helped my dad with his wheelchair at the airport.',
      'positive',
    ],
    ['sv', 'Vill bara tacka personalen som hjälpte min pappa med rullstolen på flygplatsen.', 'positive'],
    ['en', 'Thank you, but my mum is in hospital and I am really worried about the bill.', 'worried'],
  ] as const)('%s: %s -> %s', (lang, text, emotion) => {
    expect(analyzeMessage(text, { lang }).emotion).toBe(emotion);
  });
});

describe('Swedish compounds whose head carries the feeling', () => {
  test.each([
    'Nu har jag haft leveransstrul i tre veckor.',
    'Vilket fakturakaos ni har ställt till med.',
    'Det här bredbandskrånglet tar aldrig slut.',
  ])('%s reads as frustrated', (text) => {
    expect(analyzeMessage(text, { lang: 'sv' }).emotion).toBe('frustrated');
  });
});

describe('both the short and the long form of a phrase match', () => {
  test.each([
    ['en', 'Let me check the stock in our stores for you.', 'solution'],
    ['en', "I'll check the stock in our stores for you.", 'solution'],
    ['sv', 'Låt mig kolla lagret i våra butiker åt dig.', 'solution'],
    ['sv', 'Jag ska kolla lagret i våra butiker åt dig.', 'solution'],
    ['en', "Here's what happens next: the engineer calls you.", 'solution'],
    ['sv', 'Jag hör att du är orolig, och det är helt naturligt.', 'acknowledge'],
    ['en', 'I hear that you are worried, and that is completely natural.', 'acknowledge'],
    ['sv', 'Vi hjälper dig hela vägen.', 'reassure'],
    ['en', 'We will help you every step of the way.', 'reassure'],
    ['sv', 'Jag följer ärendet tills det är löst.', 'ownership'],
    ['en', "I'll follow your case until it's resolved.", 'ownership'],
    ['sv', 'Pengarna är tillbaka på ditt konto inom tre bankdagar.', 'solution'],
    ['en', "I know you've had to chase us about this.", 'restate'],
    ['en', 'I know you have had to chase us about this.', 'restate'],
  ] as const)('%s: %s', (lang, text, kind) => {
    expect(analyzeDraft(text, { lang }).behaviors.map((b) => b.kind)).toContain(kind);
  });

  test.each([
    ['en', "There's no option for it in the app. Where do I change it?"],
    ['en', 'There is no option for it in the app. Where do I change it?'],
    ['en', "I don't know which one to pick."],
    ['en', 'I do not know which one to pick.'],
    ['en', 'I am not sure which plan I am on. Which one is correct?'],
  ] as const)('%s: %s reads as confused', (lang, text) => {
    expect(analyzeMessage(text, { lang }).emotion).toBe('confused');
  });
});

describe('single complaint words in a list that also holds a phrase', () => {
  test.each(['Honestly I am disgusted with this.', 'The service was abysmal.', 'I am sick and tired of this.'])(
    '%s reads as frustrated',
    (text) => {
      expect(analyzeMessage(text, { lang: 'en' }).emotion).toBe('frustrated');
    },
  );
});
