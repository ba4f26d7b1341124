/** The publication engine's view of a stored campaign (the use case layer's; kept here for the routes). */
export { campaignData as publishCampaignOf } from '../../app/publication/data.js';
