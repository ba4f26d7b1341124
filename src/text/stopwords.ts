/**
 * Stopwords, compared with lowercase keys (accents kept). The French list covers articles,
 * pronouns, prepositions, conjunctions, frequent adverbs, the conjugated forms of the auxiliaries
 * and of the commonest verbs (faire, pouvoir, devoir, aller, falloir…), plus the filler that
 * survey answers are full of ("oui", "non", "etc", "néant", "ras").
 */
const FRENCH = `
a à â afin ah ai aie aient aies ailleurs ainsi ait alors as au aucun aucune aucunement auquel aura
aurai auraient aurais aurait auras aurez auriez aurions aurons auront aussi autant autour autre
autres aux auxquelles auxquels avaient avais avait avant avec avez aviez avions avoir avons ayant
ayez ayons
c' ça ce ceci cela celle celles celui cependant certain certaine certaines certains ces cet cette
ceux chacun chacune chaque chez ci comme comment concernant
d' dans de dedans dehors déjà depuis des dès desquelles desquels dessous dessus deux doit doivent
donc dont du duquel durant
elle elles en encore entre es est est-à-dire et étaient étais était étant été êtes étiez étions
être eu eue eues eûmes eurent eus eusse eut eux
fai fais faisaient faisait faisant fait faite faites faits fallait falloir fasse faudra faudrait
faut fois font
hormis hors
i ici il ils
j' je jusqu' jusque
l' la là laquelle le lequel les lesquelles lesquels leur leurs lorsqu' lorsque lui
m' ma mais malgré me même mêmes mes moi moins mon
n' ne ni non nos notre nôtre nôtres nous
on ont or ou où oui
par parce parfois parmi pas pendant peu peut peuvent peux plupart plus plusieurs plutôt pour
pourquoi pourra pourraient pourrait pouvait pouvoir pouvons pouvez près puis puisqu' puisque
qu' quand que quel quelle quelles quelqu' quelque quelques quels qui quoi quoiqu' quoique
s' sa sans se selon ses seront serait seraient seul seule seulement si sien sienne siens sinon soi
soient sois soit sommes son sont sous souvent suis sur
t' ta tandis tant te tel telle telles tels tes toi ton toujours tous tout toute toutes très trop
tu
un une unes uns
va vais vers via voici voilà vont vos votre vôtre vous vu
y
cf ex etc ok nc néant ras rien idem non-concerné concerné concernée concernés
également notamment donc ainsi vraiment beaucoup assez bien déjà toutefois
`;

const ENGLISH = `
a about above after again against all am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
down during each etc few for from further had hadn't has hasn't have haven't having he he'd he'll
he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is
isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or
other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't
so some such than that that's the their theirs them themselves then there there's these they
they'd they'll they're they've this those through to too under until up very was wasn't we we'd
we'll we're we've were weren't what what's when when's where where's which while who who's whom
why why's will with won't would wouldn't yes you you'd you'll you're you've your yours yourself
yourselves also just may might must n/a na none nothing ok
`;

function parseList(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((word) => word.length > 0));
}

export const FRENCH_STOPWORDS: ReadonlySet<string> = parseList(FRENCH);
export const ENGLISH_STOPWORDS: ReadonlySet<string> = parseList(ENGLISH);

export type TextLang = 'fr' | 'en';

export function stopwords(lang: TextLang = 'fr'): ReadonlySet<string> {
  return lang === 'en' ? ENGLISH_STOPWORDS : FRENCH_STOPWORDS;
}
