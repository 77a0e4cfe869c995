import { TOPICS } from './names.ts';
import type { Random } from './random.ts';

// Sentences in the register of the archive's sources; `{topic}`, `{city}`, `{province}` are filled in.
const SENTENCES = [
  'It is necessary to thoroughly implement the major arrangements on {topic} and to turn the consensus of both sides into concrete results.',
  'The two sides will give full play to their respective strengths, share resources and complement each other in {topic}.',
  'In recent years, {city} has made steady progress in {topic}, and the quality and efficiency of development have improved markedly.',
  'We must always put the people at the centre, focus on {topic}, and make every effort to solve the problems that matter most to enterprises.',
  'It is crucial to improve the working mechanism, refine the tasks and responsibilities, and make sure that every measure is implemented step by step.',
  '{province} will further optimise the business environment, attract more high-quality projects and promote {topic} to a new level.',
  'Both sides agreed to strengthen exchanges of personnel, deepen cooperation in {topic} and jointly build platforms for investment and trade.',
  'The meeting stressed that {topic} is an important engine for the revitalisation of the region and must be pursued with greater determination.',
  'Firstly, it is necessary to focus on key projects; secondly, to learn from advanced experience; thirdly, to build a long-term mechanism for {topic}.',
  'He said that the achievements of {city} in {topic} are worthy of careful study, and that the ideas and methods of reform deserve reference.',
  'The responsible comrades of the relevant departments briefed the meeting on the progress of {topic} since the beginning of the year.',
  'Efforts should be made to expand opening up, cultivate new growth drivers and accelerate the transformation and upgrading of traditional industries.',
  'The delegation also held talks with enterprises on {topic}, and a number of cooperation intentions were reached on the spot.',
  'It is hoped that the two places will seize the opportunity, strengthen coordination and create a model for cooperation in {topic}.',
  '{city} will take this visit as an opportunity to deepen practical cooperation with its partners and to serve the overall development of the country.',
  'Participants agreed that the results of {topic} in {province} show the strong vitality of reform and the great potential of the region.',
  'The departments concerned were asked to draw up detailed plans, set clear timetables and report regularly on the progress of each project.',
  'We should adhere to the principles of government guidance, market operation, complementary advantages and mutual benefit.',
  'During the inspection, he learned in detail about production, research and development, and the market prospects of local enterprises.',
  'He emphasised that the key to {topic} lies in innovation, and that innovation depends on talent, institutions and an open environment.',
];

/** Paragraphs of about `words` words of plain prose on `topic`, naming the given places. */
export function fillerParagraphs(
  random: Random,
  context: { readonly topic: string; readonly city: string; readonly province: string },
  words: number,
): string[] {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences = random.sample(SENTENCES, random.int(3, 4)).map((sentence) =>
      sentence
        .replaceAll('{topic}', random.chance(0.7) ? context.topic : random.pick(TOPICS))
        .replaceAll('{city}', context.city)
        .replaceAll('{province}', context.province),
    );
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    count += wordCount(paragraph);
  }
  return paragraphs;
}

/** Words in a text, as a reader counts them. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** `A`, `A and B`, `A, B and C`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
