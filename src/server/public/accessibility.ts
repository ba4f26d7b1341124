import type { Identity } from '../../contract/identity.js';
import { formatParis } from '../../app/dates.js';
import { html, page } from './layout.js';

const STATUS = {
  total: 'totalement conforme',
  partial: 'partiellement conforme',
  none: 'non conforme',
} as const;

/** What the automated checks cover (test/a11y): the pages a visitor or a respondent can reach. */
const CHECKED_PAGES = [
  'la liste des publications (accueil du site public)',
  "la page d'une publication et ses plaquettes territoriales",
  "l'annuaire des structures et la fiche d'une structure",
  'les pages du questionnaire en ligne (formulaire, enquête close, lien invalide)',
  "la présente déclaration d'accessibilité",
];

function frenchDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The accessibility statement in the model of the RGAA (conformity state, test results, non-
 * accessible contents, how the statement was made, feedback and remedies). The federation fills
 * in its audit's facts in the app; without an audit RGAA asks the site be declared non conforming.
 */
export function accessibilityStatementPage(identity: Identity, origin: string): string {
  const a = identity.accessibility;
  const name = identity.name;
  const audited = a.rate !== null && a.auditDate !== '';
  const nonCompliant = a.nonCompliant
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const made = a.statementDate
    ? frenchDay(a.statementDate)
    : identity.updatedAt
      ? formatParis(identity.updatedAt).split(' ')[0]!
      : undefined;
  const { email, phone, address, website } = identity.contact;
  const hasContact = Boolean(email || phone || address || website);
  return page(
    "Déclaration d'accessibilité",
    html`<h1>Déclaration d'accessibilité</h1>
      <p>
        ${name} s'engage à rendre son site internet accessible conformément à l'article 47 de la loi n° 2005-102 du
        11 février 2005.
      </p>
      <p>Cette déclaration d'accessibilité s'applique au site public de l'observatoire (${origin}/public) et au questionnaire en ligne.</p>

      <h2>État de conformité</h2>
      <p>
        Le site de ${name} est <strong>${STATUS[a.conformity]}</strong> avec le référentiel général
        d'amélioration de l'accessibilité (RGAA), version 4.1.2${
          audited ? '' : ", en l'absence d'audit de conformité complet"
        }.
      </p>

      <h2>Résultats des tests</h2>
      ${
        audited
          ? html`<p>
              L'audit de conformité réalisé${a.auditor ? html` par ${a.auditor}` : ''} le ${frenchDay(a.auditDate)}
              révèle que <strong>${a.rate!.toLocaleString('fr-FR')} %</strong> des critères du RGAA version 4 sont
              respectés.
            </p>`
          : html`<p>Aucun audit de conformité au RGAA n'a encore été réalisé sur ce site.</p>`
      }
      <p>
        En complément, des tests automatiques (outil axe-core, règles des WCAG 2.1 niveaux A et AA) sont exécutés à
        chaque version du logiciel Panorama sur les pages suivantes ; ils ne relèvent aucune erreur. Ces tests ne
        couvrent qu'une partie des critères du RGAA et ne remplacent pas un audit.
      </p>
      <ul>
        ${CHECKED_PAGES.map((p) => html`<li>${p}</li>`)}
      </ul>

      <h2>Contenus non accessibles</h2>
      ${
        nonCompliant.length
          ? html`<h3>Non-conformités</h3>
              <ul>
                ${nonCompliant.map((l) => html`<li>${l}</li>`)}
              </ul>`
          : html`<p>Aucune non-conformité n'a été signalée à ce jour.</p>`
      }
      <h3>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3>Contenus non soumis à l'obligation d'accessibilité</h3>
      <p>
        Les documents bureautiques téléchargeables (plaquettes en PDF et en Word) reprennent les chiffres de la
        version HTML de chaque plaquette, qui reste la version de référence.
      </p>

      <h2>Établissement de cette déclaration d'accessibilité</h2>
      <p>${made ? `Cette déclaration a été établie le ${made}.` : "Cette déclaration n'a pas encore été datée par la fédération."}</p>
      <h3>Technologies utilisées pour la réalisation du site</h3>
      <ul>
        <li>HTML5</li>
        <li>CSS</li>
        <li>JavaScript (questionnaire en ligne uniquement)</li>
        <li>SVG (cartes et graphiques)</li>
      </ul>
      <h3>Environnement de test</h3>
      <p>Navigateur Chromium, aux largeurs d'écran de 1280 et 390 pixels ; outil axe-core.</p>

      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter ${name} pour être
        orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.
      </p>
      ${
        hasContact
          ? html`<ul>
              ${email ? html`<li>Courriel : <a href="mailto:${email}">${email}</a></li>` : ''}
              ${phone ? html`<li>Téléphone : ${phone}</li>` : ''}
              ${address ? html`<li>Adresse : ${address.replace(/\n+/g, ', ')}</li>` : ''}
              ${website ? html`<li>Site : <a href="${website}">${website}</a></li>` : ''}
            </ul>`
          : html`<p>Les coordonnées de contact n'ont pas encore été renseignées par la fédération.</p>`
      }

      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d'accessibilité vous empêchant d'accéder à un contenu ou à une fonctionnalité du
        site, que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de notre part, vous êtes en
        droit de faire parvenir vos doléances ou une demande de saisine au Défenseur des droits.
      </p>
      <p>Plusieurs moyens sont à votre disposition :</p>
      <ul>
        <li>
          écrire un message au Défenseur des droits
          (<a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a>) ;
        </li>
        <li>
          contacter le délégué du Défenseur des droits dans votre région
          (<a href="https://www.defenseurdesdroits.fr/saisir/delegues">liste des délégués</a>) ;
        </li>
        <li>appeler le 09 69 39 00 00 ;</li>
        <li>
          envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse
          71120, 75342 Paris CEDEX 07.
        </li>
      </ul>`,
    { current: 'accessibility', identity },
  );
}
