import mongoose from 'mongoose';
import { answerMatchesFilter } from './answerMatchesFilter.js';

// global plugins apply to the models compiled after this runs: every model file imports this first
mongoose.plugin(answerMatchesFilter);
